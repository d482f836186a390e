# Build: the SDK image restores and publishes the one app project, ReadyToRun (precompiled: start-up to the
# first /healthz 200 is ~0.7 s here, which keeps Discord's 3-second deadline after a machine wakes up).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MediaAnalysis/MediaAnalysis.csproj src/MediaAnalysis/
RUN dotnet restore src/MediaAnalysis/MediaAnalysis.csproj -r linux-x64
COPY src/ src/
RUN dotnet publish src/MediaAnalysis/MediaAnalysis.csproj -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o /app --no-restore

# Run: the ASP.NET Core runtime plus Debian's ffmpeg, nothing else.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The job store and the per-job temp folders live on the volume: on disk, never in memory (tmpfs).
RUN mkdir -p /data/tmp && chown -R app:app /data
# Memory (shared/MEMORY.md): workstation, non-concurrent GC with conserve-memory is set in the project file.
# A VM has no cgroup limit for .NET to size its heap from, so cap it here: 96 MiB of a 256 MB machine,
# leaving room for ffmpeg (~50 MiB) and the kernel. Config reload watches nothing in a container.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_GCHeapHardLimit=0x6000000 \
    DOTNET_hostBuilder__reloadConfigOnChange=false \
    Storage__ConnectionString="Data Source=/data/media-analysis.db" \
    Media__TempPath=/data/tmp
VOLUME /data
EXPOSE 8080
# No curl in the image: bash's /dev/tcp asks /healthz for its status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# Non-root: the aspnet image's built-in "app" user.
USER app
ENTRYPOINT ["dotnet", "/app/MediaAnalysis.dll"]
CMD ["serve"]
