using CampaignFlow.Console.Tests.Fixtures;
using CampaignFlow.Server.Security;
using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Access;

/// <summary>
/// WCAG 2.1 AA contrast measured in Chromium as the reader sees each page: every piece of text shown against the
/// background it is drawn on (1.4.3: 4.5:1, 3:1 for large text — 24 px, or 18.66 px bold), and the edge of every form
/// control against what surrounds it (1.4.11: 3:1). The colours are the browser's computed ones, so the stylesheet's
/// variables, inheritance and the pages' classes are all taken into account, as an accessibility checker does.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ContrastTests(ConsoleFixture console)
{
    // Returns [checked, ...failures]: the number of text elements and controls measured, then each failure described.
    // A background is found by walking up to the first opaque one, compositing translucent ones over it; text that is
    // not drawn (visually hidden, display none, zero size) is not measured.
    private const string Measure = """
        () => {
          const rgba = s => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return [0, 0, 0, 0];
            const p = m[1].split(/[ ,\/]+/).filter(x => x).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
          const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const background = e => { const layers = [];
            for (let n = e; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
              if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
            let c = [255, 255, 255, 1]; for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c); return c; };
          const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
            return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !e.closest('.visually-hidden, [hidden]'); };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
          const failures = []; let measured = 0;
          for (const e of document.querySelectorAll('body *')) {
            const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
            const control = e.matches('input:not([type=hidden]), select, textarea');
            if ((!text && !control) || !shown(e)) continue;
            const s = getComputedStyle(e); const bg = background(e);
            if (text) {
              measured++;
              const fg = over(rgba(s.color), bg); const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight, 10) >= 700;
              const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5; const r = ratio(fg, bg);
              if (r < needed) failures.push(`${name(e)} "${text.slice(0, 30)}": ${s.color} on ${bg.slice(0, 3)} is ${r.toFixed(2)}:1, needs ${needed}:1`);
            }
            if (control) {
              measured++;
              const around = background(e.parentElement); const edge = over(rgba(s.borderTopColor), around);
              const r = Math.max(ratio(edge, around), ratio(background(e), around));
              if (r < 3) failures.push(`${name(e)}: its edge ${s.borderTopColor} on ${around.slice(0, 3)} is ${r.toFixed(2)}:1, needs 3:1`);
            }
          }
          return [String(measured), ...failures];
        }
        """;

    [Theory]
    [InlineData(DemoTokens.Admin, "/console/bodies/weidu-district")]
    [InlineData(DemoTokens.Admin, "/console/violations?status=open")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu/write/ledger/rectification")]
    [InlineData(DemoTokens.RecorderPrefix + "panyu-ftu", "/console/units/panyu-ftu/upload")]
    [InlineData(DemoTokens.Admin, "/console/plans")]
    [InlineData(DemoTokens.Admin, "/console/plans/panyu-ftu-2014")]
    [InlineData(DemoTokens.Admin, "/console/check-plan")]
    [InlineData(DemoTokens.Admin, "/console/reviews")]
    [InlineData(DemoTokens.Admin, "/console/groups/weidu-group-1")]
    [InlineData(null, "/console/sign-in")]
    public async Task Every_text_and_every_form_controls_edge_stands_out_enough_from_its_background(string? token, string path)
    {
        var page = await console.NewPageAsync();
        if (token is not null)
        {
            await ConsoleFixture.SignInAsync(page, token);
        }

        (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(200, path);

        var result = await page.EvaluateAsync<string[]>(Measure);
        int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(5, $"the text of {path} was measured");
        result.Skip(1).ShouldBeEmpty($"too little contrast on {path}");
    }

    [Fact]
    public async Task Grey_text_on_white_and_a_pale_edged_field_are_found()
    {
        // The measurement itself: what it must find when a page has it.
        var page = await console.NewPageAsync();
        (await page.GotoAsync("/console/sign-in")).ShouldNotBeNull().Status.ShouldBe(200);
        await page.EvaluateAsync("""
            () => {
              const p = document.createElement('p'); p.id = 'grey'; p.textContent = '浅灰色的字'; p.style.color = '#999999';
              const big = document.createElement('p'); big.id = 'big'; big.textContent = '大号的字'; big.style.color = '#888888'; big.style.fontSize = '24px';
              const field = document.createElement('input'); field.id = 'pale'; field.setAttribute('aria-label', 'x'); field.style.border = '1px solid #dddddd';
              document.querySelector('main').append(p, big, field);
            }
            """);

        var failures = (await page.EvaluateAsync<string[]>(Measure)).Skip(1).ToArray();

        failures.ShouldContain(f => f.StartsWith("p#grey", StringComparison.Ordinal) && f.Contains("needs 4.5:1", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("input#pale", StringComparison.Ordinal) && f.Contains("needs 3:1", StringComparison.Ordinal));
        failures.ShouldNotContain(f => f.StartsWith("p#big", StringComparison.Ordinal), "large text needs 3:1, and #888 on white is 3.54:1");
        failures.Length.ShouldBe(2);
    }
}
