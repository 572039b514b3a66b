package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** {@link LogConfigurator}: what logback.xml used to say, set up in code. */
class LogConfiguratorTest {

    private static final String LOADER = "dev.campaignkeeper.persistence.json.Loader";

    @Test
    void libraryLogsGoToStderrAtWarnAndTheLoadersOnlyAtError() {
        LoggerContext context = new LoggerContext();

        Configurator.ExecutionStatus status = new LogConfigurator().configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger(LOADER).getLevel()).isEqualTo(Level.ERROR);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
        assertThat(context.getStatusManager().getCopyOfStatusListenerList()).isNotEmpty();
    }

    @Test
    void theLevelPropertiesChangeTheLevels() {
        System.setProperty("campaign.admin.log.level", "DEBUG");
        System.setProperty("campaign.admin.loader.log.level", "INFO");
        try {
            LoggerContext context = new LoggerContext();
            new LogConfigurator().configure(context);

            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
            assertThat(context.getLogger(LOADER).getLevel()).isEqualTo(Level.INFO);
        } finally {
            System.clearProperty("campaign.admin.log.level");
            System.clearProperty("campaign.admin.loader.log.level");
        }
    }

    @Test
    void anExplicitConfigurationFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            LoggerContext context = new LoggerContext();

            assertThat(new LogConfigurator().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
