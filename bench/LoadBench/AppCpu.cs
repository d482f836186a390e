using System.Globalization;

// CPU time (user + system) of the app's own `dotnet` process under the memcap wrapper, from /proc: a figure that
// moves less than latency when other work shares the machine.
internal static class AppCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int wrapperPid) =>
        Descendants(wrapperPid).Where(pid => Comm(pid) == "dotnet").Select(Cpu).FirstOrDefault();

    private static IEnumerable<int> Descendants(int pid)
    {
        foreach (var child in Children(pid))
        {
            yield return child;
            foreach (var below in Descendants(child))
            {
                yield return below;
            }
        }
    }

    private static List<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return [];
        }
        return Directory.EnumerateDirectories(tasks)
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string Comm(int pid) => File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : "";

    // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses.
    private static double Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
