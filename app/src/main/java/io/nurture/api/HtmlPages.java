package io.nurture.api;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The few pages customers see (survey, unsubscribe, preferences): plain, accessible, no JavaScript. */
public final class HtmlPages {

    private HtmlPages() {}

    /** A page with this title; {@code body} is HTML the caller escaped. */
    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}
                .score{display:inline-block;margin:.3em .6em .3em 0}</style></head>
                <body><main><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(htmlEscape(title), htmlEscape(title), body);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
