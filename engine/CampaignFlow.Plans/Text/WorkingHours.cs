namespace CampaignFlow.Plans.Text;

/// <summary>
/// What a plan's words for working time are worth in hours: 1天 (a working day), 半天 (half a day, which a plan may
/// set apart from half of 1天: 半天 = 3小时 when mornings run 8:30 to 11:30) and 学时 (a class hour, which only the
/// plan can say: 45分钟, 1小时).
/// </summary>
/// <param name="Day">Hours in one working day (default 8).</param>
/// <param name="HalfDay">Hours in 半天 (default half of <paramref name="Day"/>).</param>
/// <param name="ClassHour">Hours in one 学时, or null when the plan defines none.</param>
public sealed record WorkingHours(decimal Day, decimal HalfDay, decimal? ClassHour)
{
    /// <summary>8 hours a day, 4 for 半天, no 学时.</summary>
    public static WorkingHours Default { get; } = new(8, 4, null);

    /// <summary>A working day of <paramref name="day"/> hours, 半天 half of it, no 学时.</summary>
    /// <param name="day">Hours in one working day.</param>
    public static WorkingHours OfDay(decimal day) => new(day, day / 2, null);
}
