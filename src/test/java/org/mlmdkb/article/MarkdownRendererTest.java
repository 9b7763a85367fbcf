package org.mlmdkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void scriptTagsNeverReachTheHtml() {
    String html =
        renderer.toSafeHtml("Hello\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
    assertFalse(html.toLowerCase().contains("<script"), html);
    // Raw HTML is shown as text, never as elements.
    assertFalse(html.toLowerCase().contains("<img"), html);
  }

  @Test
  void javascriptLinksLoseTheirTarget() {
    String html = renderer.toSafeHtml("[click](javascript:alert(1)) and [ok](https://example.org)");
    assertFalse(html.toLowerCase().contains("javascript:"), html);
    assertTrue(html.contains("href=\"https://example.org\""), html);
  }

  @Test
  void formattingTablesAndCodeSurvive() {
    String html =
        renderer.toSafeHtml(
            "# Title\n\n*em* **strong** `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assertTrue(html.contains("<h1>Title</h1>"), html);
    assertTrue(html.contains("<em>em</em>"), html);
    assertTrue(html.contains("<code>code</code>"), html);
    assertTrue(html.contains("<table>"), html);
  }

  @Test
  void readingTimeIsAtLeastOneMinuteAtTwoHundredWordsPerMinute() {
    assertEquals(1, MarkdownRenderer.readingTimeMinutes("short"));
    assertEquals(5, MarkdownRenderer.readingTimeMinutes("word ".repeat(1000)));
  }
}
