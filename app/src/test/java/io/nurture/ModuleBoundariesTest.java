package io.nurture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.camunda.client.CamundaClient;
import io.nurture.local.LocalDefaults;
import io.nurture.order.OrderService;
import io.nurture.processes.OrderFulfillment;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries of docs/architecture.md, checked on the compiled classes of the four jars:
 * {@code processes} (models and their names), {@code workers} (capabilities and their job
 * workers), {@code local} (what local mode runs beside Nurture) and {@code app} (web, runtime). A capability is a top-level package under
 * {@code io.nurture}; its web layer ({@code io.nurture.<capability>.web}) belongs to it.
 */
class ModuleBoundariesTest {

    private static final JavaClasses NURTURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.nurture");

    /** Packages the picture leaves out because most capabilities use them. */
    private static final Set<String> ANY_MAY_USE = Set.of("orchestration", "persistence", "request");

    /** Tables written with SQL rather than through an entity, and the capability that owns each. */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.ofEntries(
            Map.entry("engine_messages", "orchestration"),
            Map.entry("journey_holdouts", "engagement"),
            Map.entry("restocks", "inventory"),
            Map.entry("sandbox_provider_ledger", "payment"),
            Map.entry("sandbox_carrier_bookings", "shipping"),
            Map.entry("inbox_claims", "inbox"),
            Map.entry("inbox_decisions", "inbox"),
            Map.entry("inbox_digests", "inbox"),
            Map.entry("shop_events", "shopevent"),
            Map.entry("shop_visitors", "shopevent"),
            Map.entry("carts", "shopevent"),
            Map.entry("browse_starts", "shopevent"),
            Map.entry("consent_requests", "customer"),
            Map.entry("mail_events", "suppression"),
            Map.entry("suppressions", "suppression"),
            Map.entry("erasures", "privacy"));

    private static final Pattern TABLE_IN_SQL = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+(\\w+)");

    private static final DescribedPredicate<JavaClass> IN_APP = inJarOf(NurtureApplication.class, "the app jar");
    private static final DescribedPredicate<JavaClass> IN_WORKERS = inJarOf(OrderService.class, "the workers jar");
    private static final DescribedPredicate<JavaClass> IN_LOCAL =
            inJarOf(LocalDefaults.class, "the local runtime's jar");

    @Test
    void everyJarIsInTheCheck() {
        assertThat(NURTURE.stream().filter(IN_APP)).isNotEmpty();
        assertThat(NURTURE.stream().filter(IN_WORKERS)).isNotEmpty();
        assertThat(NURTURE.stream().filter(IN_LOCAL)).isNotEmpty();
        assertThat(NURTURE.stream().filter(inJarOf(OrderFulfillment.class, "the processes jar")))
                .isNotEmpty();
    }

    @Test
    void workersDoNotDependOnTheApp() {
        noClasses().that(IN_WORKERS).should().dependOnClassesThat(IN_APP).check(NURTURE);
    }

    /** The cluster jar leaves the local runtime out: nothing it runs may need a class from there. */
    @Test
    void theAppAndTheWorkersDoNotDependOnTheLocalRuntime() {
        noClasses()
                .that(IN_APP.or(IN_WORKERS))
                .should()
                .dependOnClassesThat(IN_LOCAL)
                .check(NURTURE);
    }

    @Test
    void theLocalRuntimeDoesNotDependOnTheApp() {
        noClasses().that(IN_LOCAL).should().dependOnClassesThat(IN_APP).check(NURTURE);
    }

    @Test
    void noPackageIsSplitAcrossJars() {
        Map<String, Set<String>> jarsByPackage = NURTURE.stream()
                .collect(Collectors.groupingBy(
                        JavaClass::getPackageName,
                        TreeMap::new,
                        Collectors.mapping(ModuleBoundariesTest::jarOf, Collectors.toCollection(TreeSet::new))));
        assertThat(jarsByPackage)
                .allSatisfy((pkg, jars) -> assertThat(jars).as(pkg).hasSize(1));
    }

    /** The web layers and the app's runtime sit above the capabilities and may use any of them. */
    @Test
    void capabilitiesDoNotDependOnEachOtherInACycle() {
        slices().matching("io.nurture.(*)..").should().beFreeOfCycles().check(NURTURE.that(IN_WORKERS));
    }

    /** The arrows between the packages of {@code workers} are the ones docs/architecture.md draws. */
    @Test
    void capabilitiesDependOnlyOnWhatTheArchitecturePictureDraws() throws IOException {
        Map<String, Set<String>> drawn =
                ArchitecturePicture.arrowsIn(Path.of("..", "docs", "architecture.md"), "workers");
        Map<String, String> undrawn = new TreeMap<>();
        NURTURE.that(IN_WORKERS)
                .forEach(origin -> origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String from = capability(origin);
                    String to = capability(dependency.getTargetClass());
                    if (IN_WORKERS.test(dependency.getTargetClass())
                            && !from.equals(to)
                            && !ANY_MAY_USE.contains(to)
                            && !drawn.getOrDefault(from, Set.of()).contains(to)) {
                        undrawn.putIfAbsent(from + " -> " + to, dependency.getDescription());
                    }
                }));

        assertThat(drawn).as("arrows read from the picture").isNotEmpty();
        assertThat(undrawn)
                .as("dependencies the architecture picture does not draw")
                .isEmpty();
    }

    /** SQL that reads another capability's tables lives in reporting, the read model, and nowhere else. */
    @Test
    void sqlOnAnotherCapabilitysTablesLivesOnlyInReporting() throws IOException {
        Map<String, String> owners = tableOwners();
        Map<String, String> crossing = new TreeMap<>();
        for (Path root : List.of(
                Path.of("src", "main", "java", "io", "nurture"),
                Path.of("..", "workers", "src", "main", "java", "io", "nurture"))) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(file -> file.toString().endsWith(".java"))
                        .toList()) {
                    String capability = root.relativize(source).getName(0).toString();
                    Matcher table = TABLE_IN_SQL.matcher(Files.readString(source));
                    while (table.find()) {
                        String owner = owners.get(table.group(1).toLowerCase(Locale.ROOT));
                        if (owner != null && !owner.equals(capability) && !capability.equals("reporting")) {
                            crossing.putIfAbsent(
                                    source.getFileName() + " (" + capability + ") reads " + table.group(1),
                                    "owned by " + owner);
                        }
                    }
                }
            }
        }

        assertThat(owners)
                .as("tables and their capabilities")
                .containsEntry("orders", "order")
                .containsEntry("engine_messages", "orchestration");
        assertThat(crossing)
                .as("SQL on another capability's tables outside reporting")
                .isEmpty();
    }

    /** Each entity's table belongs to the entity's capability; the few tables without an entity are named. */
    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new HashMap<>(TABLES_WITHOUT_ENTITY);
        NURTURE.stream()
                .filter(type -> type.isAnnotatedWith(Table.class))
                .forEach(entity ->
                        owners.put(entity.getAnnotationOfType(Table.class).name(), capability(entity)));
        return owners;
    }

    @Test
    void aRepositoryIsUsedOnlyByItsOwnCapability() {
        classes()
                .should(accessOtherCapabilities(
                        "use a repository", target -> target.isAssignableTo(Repository.class), false))
                .check(NURTURE);
    }

    @Test
    void anEntityIsCreatedOnlyByItsOwnCapability() {
        classes()
                .should(accessOtherCapabilities(
                        "create an entity", target -> target.isAnnotatedWith(Entity.class), true))
                .check(NURTURE);
    }

    /** Reading another capability's entity is fine; changing it goes through that capability's service. */
    @Test
    void anEntityIsChangedOnlyByItsOwnCapability() {
        classes()
                .should(accessOtherCapabilities(
                        "change an entity",
                        target -> target.isAnnotatedWith(Entity.class),
                        access -> !access.getName().equals("<init>") && !isReading(access.getName())))
                .check(NURTURE);
    }

    private static boolean isReading(String method) {
        return method.startsWith("get")
                || method.startsWith("is")
                || method.startsWith("has")
                || method.startsWith("can")
                || method.equals("equals")
                || method.equals("hashCode")
                || method.equals("toString");
    }

    @Test
    void controllersDoWebWorkOnly() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.not(DescribedPredicate.<JavaClass>describe(
                        "repositories, SQL or the engine client",
                        target -> target.isAssignableTo(Repository.class)
                                || target.isEquivalentTo(JdbcClient.class)
                                || target.isEquivalentTo(EntityManager.class)
                                || target.isAssignableTo(CamundaClient.class))))
                .check(NURTURE);
    }

    private static ArchCondition<JavaClass> accessOtherCapabilities(
            String what, Predicate<JavaClass> owned, boolean constructorsOnly) {
        return accessOtherCapabilities(
                what, owned, access -> !constructorsOnly || access.getName().equals("<init>"));
    }

    private static ArchCondition<JavaClass> accessOtherCapabilities(
            String what, Predicate<JavaClass> owned, Predicate<JavaAccess<?>> counted) {
        return new ArchCondition<>("not " + what + " of another capability") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    JavaClass target = access.getTargetOwner();
                    if (counted.test(access)
                            && owned.test(target)
                            && !capability(origin).equals(capability(target))) {
                        events.add(SimpleConditionEvent.violated(origin, access.getDescription()));
                    }
                }
            }
        };
    }

    private static String capability(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static DescribedPredicate<JavaClass> inJarOf(Class<?> anchor, String description) {
        try {
            String location = Path.of(anchor.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            return DescribedPredicate.describe(
                    description, javaClass -> jarOf(javaClass).equals(location));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the class was loaded from: a classes directory or a jar; empty for the JDK's. */
    private static String jarOf(JavaClass javaClass) {
        if (javaClass.getSource().isEmpty()) {
            return "";
        }
        URI uri = javaClass.getSource().get().getUri();
        if (uri.getScheme().equals("jar")) {
            String inner = uri.getSchemeSpecificPart();
            return Path.of(URI.create(inner.substring(0, inner.indexOf("!/")))).toString();
        }
        Path classFile = Path.of(uri);
        return classFile
                .getRoot()
                .resolve(classFile.subpath(
                        0, classFile.getNameCount() - javaClass.getName().split("\\.").length))
                .toString();
    }
}
