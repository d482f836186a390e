using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Slack.Inbound;

// `/analyze settings` → the settings modal (views.open with the command's trigger_id, for workspace admins and
// owners per users.info); its `view_submission` → checked, then saved, or the modal stays open with each problem
// under its field.
internal static class SlackSettingsEndpoints
{
    // The trigger_id lives 3 seconds: the role look-up and views.open share this much of it.
    private static readonly TimeSpan ModalBudget = TimeSpan.FromMilliseconds(2500);

    private const string AdminsOnly = "Only workspace admins and owners can change this app's settings.";

    public static async Task<IResult> OpenSettingsAsync(
        Payloads.SlashCommand command, SlackApiClient api, ServerSettings settings, SettingsRules rules, SpendOverview spend, ILogger logger,
        CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ModalBudget);
        try
        {
            if (!(await api.GetUserAsync(command.UserId, budget.Token)).IsWorkspaceAdmin)
            {
                return SlackEndpoints.Reply(AdminsOnly);
            }
            if (command.TriggerId is not { Length: > 0 } trigger)
            {
                return SlackEndpoints.Reply("Slack sent no trigger to open the settings with; please try again.");
            }
            var current = await settings.GetAsync(SlackReplier.PlatformName, command.TeamId, budget.Token);
            var month = await spend.ForSettingsAsync(SlackReplier.PlatformName, command.TeamId, command.UserId,
                current.Models ?? rules.OperatorModels, budget.Token);
            await api.OpenViewAsync(trigger, SlackSettingsView.Build(current, rules, month), budget.Token);
            return Results.Ok();
        }
        catch (SettingsUnavailableException ex)
        {
            return SlackEndpoints.Reply(ex.Message);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            SlackFlowLog.FollowUpFailed(logger, ex is SlackApiException s ? s.Error : ex.GetType().Name);
            return SlackEndpoints.Reply("Slack did not open the settings in time; please run /analyze settings again.");
        }
    }

    public static async Task<IResult> SubmitSettingsAsync(
        InteractionPayload payload, string team, string user, SlackApiClient api, ServerSettings settings, SettingsRules rules, ILogger logger, CancellationToken cancellationToken)
    {
        if (payload.View is not { } view || !view.TryGetProperty("callback_id", out var callback) || callback.GetString() != SlackSettingsView.CallbackId)
        {
            return Results.Ok();
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ModalBudget);
        try
        {
            if (!(await api.GetUserAsync(user, budget.Token)).IsWorkspaceAdmin)
            {
                return ViewErrors(SettingsFields.Prompt1Name, AdminsOnly);
            }
            var current = await settings.GetAsync(SlackReplier.PlatformName, team, budget.Token);
            var edit = SlackSettingsSubmission.Read(view, current, rules);
            if (!edit.IsValid)
            {
                return Results.Json(new SlackViewErrors(edit.Errors), SlackEndpointJsonContext.Default.SlackViewErrors);
            }
            if (edit.What.Length > 0)
            {
                var (saved, _) = await settings.ApplyAsync(SlackReplier.PlatformName, team, $"<@{user}>", edit, budget.Token);
                if (!saved)
                {
                    return ViewErrors(SettingsFields.Prompt1Name, "Someone else was saving the settings at the same moment; please save again.");
                }
            }
            return Results.Ok();
        }
        catch (SettingsUnavailableException ex)
        {
            return ViewErrors(SettingsFields.Prompt1Name, ex.Message);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            SlackFlowLog.FollowUpFailed(logger, ex is SlackApiException s ? s.Error : ex.GetType().Name);
            return ViewErrors(SettingsFields.Prompt1Name, "Slack did not confirm who you are in time; please save again.");
        }
    }

    private static IResult ViewErrors(string field, string message) =>
        Results.Json(new SlackViewErrors(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message }),
            SlackEndpointJsonContext.Default.SlackViewErrors);
}
