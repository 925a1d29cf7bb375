package io.nurture.processes;

import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The models' decision tables, evaluated by the DMN engine the broker itself uses (Zeebe's, on
 * dmn-scala) without starting a broker: a table row is checked in microseconds.
 */
final class DecisionTables {

    private static final DecisionEngine DMN = DecisionEngineFactory.createDecisionEngine();
    private static final List<ParsedDecisionRequirementsGraph> TABLES = Models.RESOURCES.stream()
            .filter(resource -> resource.endsWith(".dmn"))
            .map(DecisionTables::parse)
            .toList();

    private DecisionTables() {}

    /** The decision's output as the engine would hand it to the process, in JSON. */
    static String evaluate(String decisionId, Map<String, Object> variables) {
        ParsedDecisionRequirementsGraph table = TABLES.stream()
                .filter(drg -> drg.getDecisions().stream()
                        .anyMatch(decision -> decision.getId().equals(decisionId)))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("No decision " + decisionId + " in " + Models.RESOURCES));
        DecisionEvaluationResult result = DMN.evaluateDecisionById(table, decisionId, () -> variables);
        if (result.isFailure()) {
            throw new AssertionError(decisionId + " failed: " + result.getFailureMessage());
        }
        return MsgPackConverter.convertToJson(result.getOutput());
    }

    private static ParsedDecisionRequirementsGraph parse(String resource) {
        try (InputStream dmn = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
            ParsedDecisionRequirementsGraph parsed = DMN.parse(dmn);
            if (!parsed.isValid()) {
                throw new IllegalStateException(resource + ": " + parsed.getFailureMessage());
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
