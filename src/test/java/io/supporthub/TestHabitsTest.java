package io.supporthub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;

/** The test habits of STYLE.md that a class file can show. */
@AnalyzeClasses(packages = "io.supporthub", importOptions = ImportOption.OnlyIncludeTests.class)
class TestHabitsTest {

    @ArchTest
    static final ArchRule tests_wait_for_a_condition_never_for_a_fixed_time = noClasses()
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .because("a fixed sleep is either too short on a busy machine or wasted time: wait with Awaitility or NotifyBuilder");
}
