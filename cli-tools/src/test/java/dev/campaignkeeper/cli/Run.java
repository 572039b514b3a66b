package dev.campaignkeeper.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test helper: runs {@code campaign-admin} in-process with captured streams. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        return withInput("", args);
    }

    static Run withInput(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    static Run run(Map<String, String> environment, String stdin, String... args) {
        return run(new CampaignAdmin(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false), args);
    }

    private static Run run(CampaignAdmin admin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            code = CampaignAdmin.commandLine(admin, outWriter, errWriter).execute(args);
        }
        return new Run(code, out.toString(), err.toString());
    }

    com.google.gson.JsonObject json() {
        return com.google.gson.JsonParser.parseString(out).getAsJsonObject();
    }
}
