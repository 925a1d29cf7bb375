package io.nurture.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail templates under {@code classpath:mail/}, one Mustache file per template. The first line is
 * {@code Subject: ...}; the rest is the plain-text body.
 */
@Component
class MailTemplates {

    private static final String SUBJECT_PREFIX = "Subject:";

    private final Mustache.Compiler compiler =
            Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    RenderedMail render(String template, Map<String, Object> model) {
        String text = cache.computeIfAbsent(template, this::compile).execute(model);
        int lineEnd = text.indexOf('\n');
        String firstLine = text.substring(0, lineEnd).trim();
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + template + " must start with 'Subject:'");
        }
        return new RenderedMail(
                firstLine.substring(SUBJECT_PREFIX.length()).trim(),
                text.substring(lineEnd + 1).strip());
    }

    private Template compile(String template) {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("mail/" + template + ".mustache").getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("No mail template " + template, e);
        }
    }

    record RenderedMail(String subject, String body) {}
}
