package dev.campaignkeeper.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core Discord-agnostic and free of adapter libraries: only the JDK and the SLF4J API;
 * its texts name no slash command and no Discord UI wording (the bot renders those from reason codes).
 */
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

    /**
     * A slash command as a user types it: a slash right at the start or after a space, bracket or
     * quote, then a lower-case word ("/npc say", "(/roll", "`/campaign"). URLs ("https://x/y") and
     * paths ("a/b") do not match, as their slash follows a letter or another slash.
     */
    private static final Pattern SLASH_COMMAND = Pattern.compile("(^|[\\s(\\[`'\"])/[a-z]+");
    /**
     * Discord named in a sentence (a text with a space), e.g. "Discord allows 2000 characters";
     * the lone word "discord" of the forbidden-name list is a rule's data, not UI wording.
     */
    private static final Pattern DISCORD_IN_SENTENCE = Pattern.compile("(?i)\\bdiscord\\b");

    @Test
    void coreStringsNameNoSlashCommandAndNoDiscordWording() {
        classes().that().resideInAPackage("dev.campaignkeeper.core..")
                .should(holdNoPlatformText())
                .because("core's exceptions carry reason codes; the bot renders command hints and Discord wording")
                .check(CORE);
    }

    @Test
    void theStringRuleSeesTextBuiltByConcatenation() {
        List<String> strings = ClassFileStrings.of(bytes(Sample.class));

        assertThat(strings).anySatisfy(text -> assertThat(text).contains("Use /npc say"));
        assertThat(strings).anySatisfy(text -> assertThat(text).contains("Discord allows"));
        assertThat(platformText(strings)).hasSize(2);
    }

    private static ArchCondition<JavaClass> holdNoPlatformText() {
        return new ArchCondition<>("hold no string naming a slash command or Discord") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (item.getSource().isEmpty()) {
                    return;
                }
                List<String> strings;
                try (InputStream in = item.getSource().get().getUri().toURL().openStream()) {
                    strings = ClassFileStrings.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + item.getName(), e);
                }
                for (String text : platformText(strings)) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " holds \"" + text + "\""));
                }
            }
        };
    }

    private static List<String> platformText(List<String> strings) {
        return strings.stream()
                .filter(text -> SLASH_COMMAND.matcher(text).find()
                        || (text.contains(" ") && DISCORD_IN_SENTENCE.matcher(text).find()))
                .toList();
    }

    private static byte[] bytes(Class<?> type) {
        String name = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts the rule must catch, built the ways core builds messages. */
    @SuppressWarnings("unused")
    private static final class Sample {
        static String hint(String name) {
            return "GMs speak as NPCs: " + name + ". Use /npc say.";
        }

        static final String LIMIT = "Discord allows 2000 characters";
        static final String URL = "https://example.com/x.png";
        static final String WORD = "discord";
    }
}
