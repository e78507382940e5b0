using DokanRedirector.Cli.Control;
using DokanRedirector.Rdbss;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Service;

/// <summary>The parts the service is made of. Singletons are built on first use, so the one-shot commands never build them.</summary>
internal static class ServiceComposition
{
    public static IServiceCollection AddRedirectorService(this IServiceCollection services)
    {
        services.AddSingleton<CredentialStore>();
        services.AddSingleton(sp => new SmbMiniRedirector(loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IMiniRedirector>(sp => sp.GetRequiredService<SmbMiniRedirector>());
        services.AddSingleton(sp => new Redirector(
            sp.GetRequiredService<IMiniRedirector>(),
            new RedirectorOptions { ImplicitCredentials = sp.GetRequiredService<CredentialStore>().Find },
            sp.GetRequiredService<ILogger<Redirector>>()));
        if (OperatingSystem.IsWindows())
        {
            services.AddSingleton<IMountFrontEnd, DokanFrontEnd>();
        }
        else
        {
            services.AddSingleton<IMountFrontEnd, FuseFrontEnd>();
        }
        services.AddSingleton<RedirectorService>();
        services.AddSingleton<StopSignal>();
        services.AddSingleton<IControlHandler, ControlRequestHandler>();
        return services;
    }
}
