namespace MediaAnalysis.Settings;

// Field names, shared by the checks, Discord's options and modal inputs, and Slack's modal blocks.
public static class SettingsFields
{
    public const string Prompt1Name = "prompt1_name";
    public const string Prompt1Instructions = "prompt1_instructions";
    public const string Prompt2Name = "prompt2_name";
    public const string Prompt2Instructions = "prompt2_instructions";
    public const string Model1 = "model1";
    public const string Model2 = "model2";
    public const string Model3 = "model3";
    public const string Answers = "answers";
    public const string Glossary = "glossary";
    public const string MonthlyBudgetUsd = "monthly_budget_usd";
    public const string PerMemberDaily = "per_member_daily";
    public const string MaxMinutes = "max_minutes";
    public const string Role = "role";
    public const string Channel = "channel";
    public const string Channels = "channels";
    public const string Everyone = "everyone";
    public const string Enabled = "enabled";
    public const string Verdict = "verdict";
    public const string Pages = "pages";

    // "speech": the answers in the language of the speech (the default).
    public const string Speech = "speech";
}
