package dev.tessera.auth.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The auth server's packages form no cycle: each package is a slice, and a dependency loop between
 * any of them fails the build (issue 9 found eight packages in one loop). docs/architecture.md draws
 * the graph this keeps honest.
 */
@AnalyzeClasses(packages = "dev.tessera.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.tessera.auth.(**)")
            .should().beFreeOfCycles();
}
