package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders article Markdown to HTML that is safe to insert into the frontend's page.
 *
 * <p>Two layers: CommonMark escapes raw HTML and drops unsafe URLs, then the OWASP sanitiser keeps
 * only formatting, blocks, tables, images and http(s)/mailto/relative links — so neither a {@code
 * <script>} nor a {@code javascript:} link survives even if one layer is misconfigured.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
  private final PolicyFactory policy =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.LINKS)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("pre", "code", "hr", "dl", "dt", "dd")
                  .allowAttributes("class")
                  .matching(java.util.regex.Pattern.compile("language-[a-zA-Z0-9_+-]+"))
                  .onElements("code")
                  .toFactory());

  public String toSafeHtml(String markdown) {
    return policy.sanitize(renderer.render(parser.parse(markdown)));
  }

  /** Minutes at 200 words per minute, at least one. */
  public static int readingTimeMinutes(String markdown) {
    long words = markdown.split("\\s+").length;
    return (int) Math.max(1, Math.round(words / 200.0));
  }
}
