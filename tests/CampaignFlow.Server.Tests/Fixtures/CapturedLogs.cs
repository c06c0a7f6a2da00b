using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>A logger provider that keeps every message, for tests that check what an operator is told.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _messages = new();

    /// <summary>Every message logged so far, with its level.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue((logLevel, formatter(state, exception)));
    }
}
