package io.closeloop.contracts;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every module depends on the contracts, so the contracts depend on nothing of Closeloop. */
class DependencyRuleTest {

    @Test
    void theContractsUseNoOtherCloseloopCode() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.closeloop.contracts");
        assertThat(production).isNotEmpty();
        noClasses().should().dependOnClassesThat(resideInAPackage("io.closeloop..")
                        .and(not(resideInAPackage("io.closeloop.contracts.."))))
                .check(production);
    }

    @Test
    void theClassPathHoldsNoOtherCloseloopModule() {
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> entry.replace('\\', '/'))
                .filter(entry -> entry.contains("/io/closeloop/")
                        || entry.contains("/target/") && !entry.contains("/contracts/target/")))
                .as("Closeloop modules on the contracts' class path").isEmpty();
    }
}
