using MediaAnalysis.Cli;

return await CommandLine.RunAsync(args);

public partial class Program;
