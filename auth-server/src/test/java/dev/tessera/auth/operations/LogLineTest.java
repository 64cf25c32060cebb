package dev.tessera.auth.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 10: a value a client sent with CR LF (or any control character) cannot start a forged log line. */
class LogLineTest {

    @Test
    void controlCharactersInAMessageCannotForgeALogLine() throws IOException {
        String pattern;
        try (InputStream config = getClass().getResourceAsStream("/logback.xml")) {
            Matcher m = Pattern.compile("<pattern>(.*)</pattern>").matcher(new String(config.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(m.find(), "logback.xml has a pattern");
            pattern = m.group(1);
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(new LoggerContext());
        layout.setPattern(pattern);
        layout.start();
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.WARN,
                "sign-in failed for {}", null, new Object[] {"alice\r\n12:00:00.000 INFO  [main] d.t.a.Audit - admin signed in\u0000"});

        String line = layout.doLayout(event);

        assertEquals(1, line.split("\n", -1).length - 1, "one line, ending in its own newline: " + line);
        assertTrue(line.contains("alice__12:00:00.000 INFO"), line);
    }
}
