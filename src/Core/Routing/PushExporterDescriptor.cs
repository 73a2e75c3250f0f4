namespace Gateway.Core.Routing;

/// <summary>
/// A push exporter the host knows, registered or not (disabled, section absent): its name under
/// <c>exporters:</c>, its configuration section and options type. The host's configuration check uses
/// them for unknown keys and unknown exporter names.
/// </summary>
public sealed record PushExporterDescriptor(string Name, string Section, Type OptionsType);
