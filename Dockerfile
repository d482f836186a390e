# Build: the SDK image restores and publishes the one app project.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MediaAnalysis/MediaAnalysis.csproj src/MediaAnalysis/
RUN dotnet restore src/MediaAnalysis/MediaAnalysis.csproj
COPY src/ src/
RUN dotnet publish src/MediaAnalysis/MediaAnalysis.csproj -c Release -o /app --no-restore

# Run: the ASP.NET Core runtime plus Debian's ffmpeg, nothing else.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The job store and the per-job temp folders live on the volume: on disk, never in memory (tmpfs).
RUN mkdir -p /data/tmp && chown -R app:app /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_hostBuilder__reloadConfigOnChange=false \
    Storage__ConnectionString="Data Source=/data/media-analysis.db" \
    Media__TempPath=/data/tmp
VOLUME /data
EXPOSE 8080
# Non-root: the aspnet image's built-in "app" user.
USER app
ENTRYPOINT ["dotnet", "/app/MediaAnalysis.dll"]
CMD ["serve"]
