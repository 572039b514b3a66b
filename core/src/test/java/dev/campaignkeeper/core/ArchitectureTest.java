package dev.campaignkeeper.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps the core Discord-agnostic and free of adapter libraries: only the JDK and the SLF4J API. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.campaignkeeper.core");

    @Test
    void coreUsesNoAdapterLibraries() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.campaignkeeper.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.google.gson..", "com.google.inject..", "org.javacord..", "picocli..",
                        "ch.qos.logback..", "javax.inject..", "jakarta.inject..")
                .because("core depends only on the JDK and the SLF4J API");
        rule.check(CORE);
    }

    @Test
    void coreDependsOnlyOnJdkAndSlf4j() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.campaignkeeper.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.campaignkeeper.core..", "java..", "javax.annotation..", "org.slf4j..")
                .because("core depends only on the JDK and the SLF4J API");
        rule.check(CORE);
    }

    @Test
    void coreDoesNotReachIntoOtherCampaignKeeperModules() {
        noClasses().that().resideInAPackage("dev.campaignkeeper.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.campaignkeeper.persistence..", "dev.campaignkeeper.bot..", "dev.campaignkeeper.cli..")
                .check(CORE);
    }

    @Test
    void useCasesLogThroughSlf4jNotTheConsole() {
        noClasses().that().resideInAPackage("dev.campaignkeeper.core..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(CORE);
    }
}
