package io.supporthub;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout of docs/decisions/0013: what the domain, the adapters and the wiring may know of each other. */
@AnalyzeClasses(packages = "io.supporthub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "io.supporthub.ticket..", "io.supporthub.mail..", "io.supporthub.triage..",
        "io.supporthub.sla..", "io.supporthub.sync..", "io.supporthub.intake.."};

    @ArchTest
    static final ArchRule domain_packages_import_nothing_from_camel = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("the domain is plain Java, testable without a CamelContext");

    @ArchTest
    static final ArchRule domain_packages_know_no_adapter_wiring_admin_api_or_sandbox = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.supporthub.connector..", "io.supporthub.app..", "io.supporthub.admin..", "io.supporthub.sandbox..")
            .because("adapters and wiring depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule camel_lives_only_in_the_wiring_the_adapters_and_the_sandbox = noClasses()
            .that().resideOutsideOfPackages("io.supporthub.app..", "io.supporthub.connector..", "io.supporthub.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("routes/, app/ and the adapters are where Camel belongs (DESIGN.md §2)");

    @ArchTest
    static final ArchRule adapters_know_nothing_of_the_wiring_the_admin_api_or_the_sandbox = noClasses()
            .that().resideInAPackage("io.supporthub.connector..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.supporthub.app..", "io.supporthub.admin..", "io.supporthub.sandbox..")
            .because("an adapter is wired by app/, it does not reach back into it");

    @ArchTest
    static final ArchRule the_adapter_contract_names_no_adapter = noClasses()
            .that().resideInAPackage("io.supporthub.connector.spi..")
            .should().dependOnClassesThat(resideInAPackage("io.supporthub.connector..")
                    .and(not(resideInAPackage("io.supporthub.connector.spi.."))))
            .because("every adapter implements connector/spi; the contract cannot depend on one of them");

    @ArchTest
    static final ArchRule the_admin_api_knows_nothing_of_the_wiring_or_the_sandbox = noClasses()
            .that().resideInAPackage("io.supporthub.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("io.supporthub.app..", "io.supporthub.sandbox..")
            .because("app/ wires the admin API into routes, not the other way round");

    @ArchTest
    static final ArchRule the_database_package_is_a_leaf = noClasses()
            .that().resideInAPackage("io.supporthub.db..")
            .should().dependOnClassesThat(resideInAPackage("io.supporthub..")
                    .and(not(resideInAnyPackage("io.supporthub.db.."))))
            .because("transactions and jsonb are used by every store and must not pull any of them in");

    @ArchTest
    static final ArchRule no_class_is_a_grab_bag_by_name = classes()
            .should().haveSimpleNameNotEndingWith("Manager")
            .andShould().haveSimpleNameNotEndingWith("Helper")
            .andShould().haveSimpleNameNotEndingWith("Util")
            .andShould().haveSimpleNameNotEndingWith("Utils")
            .because("names explain (STYLE.md 10): a Manager, Helper or Util hides the concept it serves");

    @ArchTest
    static final ArchRule top_level_packages_are_free_of_cycles = slices()
            .matching("io.supporthub.(*)..").should().beFreeOfCycles()
            .because("each top-level package can be read, tested and moved without the ones that use it");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("io.supporthub.(**)").should().beFreeOfCycles()
            .because("a sub-package that needs its parent and the parent that needs it are one package in two folders");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("io.supporthub.connector.(*)..").should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.supporthub.connector.spi..", "io.supporthub.connector.oauth.."))
            .because("adapters share only the contract (connector/spi) and the OAuth token client; one system's code lives in its own package");
}
