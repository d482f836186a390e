using System.Text.Json;

namespace MediaAnalysis.Fakes.Discord;

public sealed partial class FakeDiscordApi
{
    private FakeDiscordReply Route(FakeDiscordRoute route, FakeDiscordRequest request)
    {
        var payload = request.Payload ?? default;
        return route.Kind switch
        {
            "followup-create" => Webhook(route) ?? CreateMessage(InteractionChannel(route.Token!), payload, request.Parts, route.Token),
            "webhook-edit" => Webhook(route) ?? EditWebhookMessage(route, payload),
            "webhook-get" => Webhook(route) ?? GetWebhookMessage(route),
            "channel-get" => ChannelAccess(route.Channel!) ?? GetChannel(route.Channel!),
            "thread-member-add" => ChannelAccess(route.Channel!) ?? AddThreadMember(route.Channel!, route.MessageId!),
            "message-create" => ChannelAccess(route.Channel!) ?? ThreadOpen(route.Channel!) ?? CreateMessage(route.Channel!, payload, request.Parts, null),
            "message-edit" => ChannelAccess(route.Channel!) ?? EditMessage(route.Channel!, route.MessageId!, payload),
            "thread-create" => ChannelAccess(route.Channel!) ?? StartThread(route.Channel!, route.MessageId!, payload),
            "commands" => route.Application != ApplicationId
                ? Reply(new FakeDiscordError(403, 20012, "You are not authorized to perform this action on this application"))
                : Commands(route.Guild, payload),
            _ => Reply(new FakeDiscordError(404, 0, "404: Not Found")),
        };
    }

    private FakeDiscordReply? Webhook(FakeDiscordRoute route)
    {
        if (route.Application != ApplicationId)
        {
            return Reply(new FakeDiscordError(404, 10015, "Unknown Webhook"));
        }
        lock (_gate)
        {
            return _expiredTokens.Contains(route.Token!) ? Reply(new FakeDiscordError(401, 50027, "Invalid Webhook Token")) : null;
        }
    }

    private FakeDiscordReply? ChannelAccess(string channelId)
    {
        lock (_gate)
        {
            return _forbiddenChannels.Contains(channelId) ? Reply(new FakeDiscordError(403, 50001, "Missing Access")) : null;
        }
    }

    private string InteractionChannel(string token)
    {
        lock (_gate)
        {
            return _interactionChannels.GetValueOrDefault(token) ?? DefaultChannelId;
        }
    }

    private FakeDiscordReply CreateMessage(string channelId, JsonElement payload, IReadOnlyList<FakeDiscordPart> parts, string? webhookToken)
    {
        var files = parts.Where(p => p.Name.StartsWith("files[", StringComparison.Ordinal)).ToList();
        if (CheckFiles(payload, files) is { } fileError)
        {
            return Reply(fileError);
        }
        if (FakeDiscordBodyRules.CheckMessage(payload, isCreate: true, files.Count) is { } error)
        {
            return Reply(error);
        }
        var nonce = FakeDiscordBodyRules.Text(payload, "nonce");
        var enforce = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        lock (_gate)
        {
            if (webhookToken is null && nonce is not null && enforce && _nonces.TryGetValue($"{channelId}:{nonce}", out var existing))
            {
                return Ok(MessageJson(_messages[existing]));
            }
        }
        var message = Apply(new FakeDiscordMessage(NextId(), channelId, DateTimeOffset.UtcNow)
        {
            Files = files,
            ViaWebhook = webhookToken is not null,
            Nonce = nonce,
            Flags = FakeDiscordBodyRules.Number(payload, "flags") ?? 0,
        }, payload, isEdit: false);
        lock (_gate)
        {
            _messages[message.Id] = message;
            _order.Add(message.Id);
            if (webhookToken is not null)
            {
                _webhookMessageTokens[message.Id] = webhookToken;
            }
            if (nonce is not null && enforce)
            {
                _nonces[$"{channelId}:{nonce}"] = message.Id;
            }
        }
        return Ok(MessageJson(message));
    }

    private FakeDiscordReply EditWebhookMessage(FakeDiscordRoute route, JsonElement payload) =>
        WebhookMessage(route) is { } id ? Edit(id, payload) : Reply(new FakeDiscordError(404, 10008, "Unknown Message"));

    private FakeDiscordReply GetWebhookMessage(FakeDiscordRoute route)
    {
        lock (_gate)
        {
            return WebhookMessage(route) is { } id ? Ok(MessageJson(_messages[id])) : Reply(new FakeDiscordError(404, 10008, "Unknown Message"));
        }
    }

    // The message a webhook route names, if that token made it; @original exists from the endpoint's answer on.
    private string? WebhookMessage(FakeDiscordRoute route)
    {
        string messageId;
        lock (_gate)
        {
            if (route.MessageId == "@original")
            {
                // The deferred "thinking…" reply exists from the moment the endpoint answered type 5.
                if (!_originals.TryGetValue(route.Token!, out messageId!))
                {
                    var channel = _interactionChannels.GetValueOrDefault(route.Token!) ?? DefaultChannelId;
                    var original = new FakeDiscordMessage((_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture), channel, DateTimeOffset.UtcNow) { ViaWebhook = true };
                    _messages[original.Id] = original;
                    _order.Add(original.Id);
                    _originals[route.Token!] = original.Id;
                    _webhookMessageTokens[original.Id] = route.Token!;
                    messageId = original.Id;
                }
            }
            else if (_webhookMessageTokens.GetValueOrDefault(route.MessageId!) == route.Token)
            {
                messageId = route.MessageId!;
            }
            else
            {
                return null;
            }
        }
        return messageId;
    }

    private FakeDiscordReply EditMessage(string channelId, string messageId, JsonElement payload)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out var message) || message.ChannelId != channelId || (message.Flags & 64) != 0)
            {
                return Reply(new FakeDiscordError(404, 10008, "Unknown Message"));
            }
        }
        return Edit(messageId, payload);
    }

    private FakeDiscordReply Edit(string messageId, JsonElement payload)
    {
        if (FakeDiscordBodyRules.CheckMessage(payload, isCreate: false, 0) is { } error)
        {
            return Reply(error);
        }
        lock (_gate)
        {
            var edited = Apply(_messages[messageId], payload, isEdit: true);
            _messages[messageId] = edited;
            return Ok(MessageJson(edited));
        }
    }

    private FakeDiscordReply StartThread(string channelId, string messageId, JsonElement payload)
    {
        if (ForbidThreadCreation)
        {
            return Reply(new FakeDiscordError(403, 50013, "Missing Permissions"));
        }
        if (FakeDiscordBodyRules.CheckThread(payload) is { } error)
        {
            return Reply(error);
        }
        lock (_gate)
        {
            var parentType = _channels.GetValueOrDefault(channelId)?.Type ?? 0;
            if (!_messages.TryGetValue(messageId, out var message) || message.ChannelId != channelId)
            {
                return Reply(new FakeDiscordError(404, 10008, "Unknown Message"));
            }
            if (parentType is not (0 or 5))
            {
                return Reply(new FakeDiscordError(400, 50024, "Cannot execute action on this channel type"));
            }
            if (_channels.ContainsKey(messageId))
            {
                return Reply(new FakeDiscordError(400, 160004, "A thread has already been created for this message"));
            }
            // The thread's id is the message's id: one thread per message.
            var thread = new FakeDiscordChannel(messageId, parentType == 5 ? 10 : 11, channelId,
                FakeDiscordBodyRules.Text(payload, "name"), FakeDiscordBodyRules.Number(payload, "auto_archive_duration") ?? 4320);
            _channels[thread.Id] = thread;
            return Ok(ChannelJson(thread));
        }
    }
}
