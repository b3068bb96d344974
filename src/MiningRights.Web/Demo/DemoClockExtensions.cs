using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MiningRights.Web.Demo;

public static class DemoClockExtensions
{
    /// <summary>
    /// In Development the service's <see cref="TimeProvider"/> is a <see cref="DemoClock"/> starting
    /// <c>Demo:ClockOffsetDays</c> ahead; elsewhere the system clock, and the setting stops the start rather than being
    /// silently ignored. Both are decided when the clock is first needed, after every configuration source is in.
    /// </summary>
    public static void AddDemoClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.ClockOffsetDays >= 0, "Demo:ClockOffsetDays may not be negative: the clock never goes backwards.")
            .Validate<IHostEnvironment>((o, environment) => o.ClockOffsetDays == 0 || environment.IsDevelopment(),
                "Demo:ClockOffsetDays is set, but the demo clock exists in Development only: remove the setting.")
            .ValidateOnStart();

        builder.Services.AddScoped<MoveDemoClock>();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp =>
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment()
                ? new DemoClock(TimeProvider.System, TimeSpan.FromDays(sp.GetRequiredService<IOptions<DemoOptions>>().Value.ClockOffsetDays))
                : TimeProvider.System));

        // Sign-in lifetimes are about real time: moving the demo clock a month must not expire every token and cookie.
        // (The authentication handlers take the service's clock unless their options name one.)
        builder.Services.AddSingleton<IConfigureOptions<BearerTokenOptions>>(sp =>
            new ConfigureNamedOptions<BearerTokenOptions>(null, options => KeepRealTime(sp, options)));
        builder.Services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(sp =>
            new ConfigureNamedOptions<CookieAuthenticationOptions>(null, options => KeepRealTime(sp, options)));
    }

    private static void KeepRealTime(IServiceProvider services, AuthenticationSchemeOptions options)
    {
        if (services.GetRequiredService<TimeProvider>() is DemoClock)
        {
            options.TimeProvider = TimeProvider.System;
        }
    }
}
