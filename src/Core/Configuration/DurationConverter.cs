using System.ComponentModel;
using System.Globalization;

namespace Gateway.Core.Configuration;

/// <summary>
/// Lets configuration bind Prometheus-style durations ("15s", "500ms", "1m30s", "2h", "1d") to
/// <see cref="TimeSpan"/> properties, while still accepting the .NET form ("00:00:15").
/// </summary>
public sealed class DurationConverter : TimeSpanConverter
{
    private static int _registered;

    /// <summary>Makes every configuration binder in the process use this converter for TimeSpan.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        }
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is string text)
        {
            if (Duration.TryParse(text, out var duration))
            {
                return duration;
            }
            throw new FormatException($"\"{text}\" is not a duration (examples: 15s, 500ms, 1m30s, 2h)");
        }
        return base.ConvertFrom(context, culture, value);
    }
}
