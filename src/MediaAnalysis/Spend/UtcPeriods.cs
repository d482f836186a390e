using System.Globalization;

namespace MediaAnalysis.Spend;

// Budgets run per UTC month, member limits per UTC day.
public static class UtcPeriods
{
    public static DateTimeOffset MonthStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset NextMonth(DateTimeOffset now) => MonthStart(now).AddMonths(1);

    public static DateTimeOffset DayStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    // "2026-12": the key of the 80% notice.
    public static string MonthKey(DateTimeOffset now) => MonthStart(now).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // "1 January 2027"
    public static string Day(DateTimeOffset day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // "December 2026"
    public static string MonthName(DateTimeOffset now) => MonthStart(now).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    // What is left of a budget: whole cents rounded down ("$9.99 left" after $0.0012 of $10.00, never "$10.00 left");
    // less than a cent as Usd shows it.
    public static string UsdLeft(decimal usd) => Usd(usd >= 0.01m ? Math.Floor(usd * 100) / 100 : usd);

    public static string Usd(decimal usd) => usd.ToString(usd is > 0 and < 0.01m ? "$0.0000" : "$0.00", CultureInfo.InvariantCulture);
}
