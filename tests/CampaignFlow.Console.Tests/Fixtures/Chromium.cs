using Microsoft.Playwright;

namespace CampaignFlow.Console.Tests.Fixtures;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium,
/// which scripts/prerequisites.sh installs. Without it the tests fail (never skip) and say so.
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    // The flags this machine's notes give: without the background-networking ones Chromium keeps calling Google's
    // hosts, which the closed network refuses many at a time.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Launches the browser.</summary>
    /// <param name="playwright">Playwright.</param>
    /// <exception cref="InvalidOperationException">Chromium is not installed.</exception>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the console's browser tests need Debian's chromium and fonts-noto-cjk. Run scripts/prerequisites.sh (as root) to install them.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }
}
