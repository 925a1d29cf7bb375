package io.nurture.runtime;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the order id, customer id and process instance key of the job being handled into the
 * logging context, so ops can follow one order through the logs, times every job handler
 * ({@code nurture.jobs}, tagged by job type and outcome).
 */
@Aspect
@Component
class JobLogContext {

    private final MeterRegistry meters;

    JobLogContext(MeterRegistry meters) {
        this.meters = meters;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobLogContext.class);
    static final String PROCESS_INSTANCE_KEY = "processInstanceKey";
    static final String JOB = "job";

    @Around("@annotation(jobWorker)")
    Object withJobContext(ProceedingJoinPoint call, JobWorker jobWorker) throws Throwable {
        Method method = ((MethodSignature) call.getSignature()).getMethod();
        Object[] args = call.getArgs();
        Annotation[][] annotations = method.getParameterAnnotations();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = variableName(annotations[i], method.getParameters()[i].getName());
            if (name != null && args[i] != null) {
                ids.put(name, args[i].toString());
            }
        }
        MDC.put(JOB, describe(ids.get("orderId"), ids.get("customerId"), MDC.get(PROCESS_INSTANCE_KEY)));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Object result = call.proceed();
            outcome = "completed";
            LOG.debug("Handled {}", jobWorker.type());
            return result;
        } catch (CamundaError businessOutcome) {
            outcome = "bpmn-error";
            throw businessOutcome;
        } finally {
            sample.stop(meters.timer("nurture.jobs", "type", jobWorker.type(), "outcome", outcome));
            MDC.remove(JOB);
            MDC.remove(PROCESS_INSTANCE_KEY);
        }
    }

    /** The log prefix of a job: {@code [order=… customer=… instance=…] }, each part only when known. */
    static String describe(Object orderId, Object customerId, Object processInstanceKey) {
        StringBuilder prefix = new StringBuilder("[");
        append(prefix, "order", orderId);
        append(prefix, "customer", customerId);
        append(prefix, "instance", processInstanceKey);
        return prefix.append("] ").toString();
    }

    private static void append(StringBuilder prefix, String label, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            prefix.append(prefix.length() > 1 ? " " : "")
                    .append(label)
                    .append('=')
                    .append(value);
        }
    }

    private static String variableName(Annotation[] annotations, String parameterName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Variable variable) {
                return variable.name().isEmpty()
                        ? (variable.value().isEmpty() ? parameterName : variable.value())
                        : variable.name();
            }
        }
        return null;
    }
}
