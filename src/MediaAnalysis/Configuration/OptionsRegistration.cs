using Microsoft.Extensions.Options;

namespace MediaAnalysis.Configuration;

public static class OptionsRegistration
{
    // Binds a section and registers its self-validation, so that ConfigurationCheck can report
    // every bad key at once before any work starts (and so that a late IOptions read fails too).
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class, IValidatedOptions
    {
        services.AddOptions<T>().BindConfiguration(section);
        services.AddSingleton<IValidateOptions<T>, SelfValidator<T>>();
        services.AddSingleton(new ConfigurationCheck.Entry(sp => sp.GetRequiredService<IOptions<T>>().Value));
        return services;
    }

    private sealed class SelfValidator<T> : IValidateOptions<T>
        where T : class, IValidatedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
