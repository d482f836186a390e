namespace MediaAnalysis.Storage;

// A server's settings as stored: its JSON document and how many times it was written (for optimistic writes).
public sealed record StoredSettings(string Document, int Version);
