using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rapport.Tests.Mail;

/// <summary>
/// Real mail servers on 127.0.0.1 for one test class: Dovecot (IMAP) with its own configuration,
/// password file and maildirs in a temporary folder, and aiosmtpd (SMTP) writing every message it
/// receives into the requester's maildir, so that what Rapport sends can be read back over IMAP.
/// Both come from Debian (<c>dovecot-imapd</c>, <c>python3-aiosmtpd</c>); see tests/README.md.
/// </summary>
public sealed class MailServers : IDisposable
{
    public const string Password = "secret-password";

    /// <summary>The desk's mailbox, which Rapport fetches.</summary>
    public const string DeskUser = "desk";

    /// <summary>Where every message sent over SMTP lands, whatever its recipient.</summary>
    public const string RequesterUser = "requester";

    private static readonly string[] RunAsNobody = ["-u", "nobody", "--", "python3"];

    private readonly string _root;
    private readonly Process _smtp;

    public int ImapPort { get; }

    public int SmtpPort { get; }

    public MailServers()
    {
        _root = Path.Combine(Path.GetTempPath(), "rapport-mail-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        ImapPort = FreePort();
        SmtpPort = FreePort();
        var root = Environment.UserName == "root";

        // Dovecot's mail processes run as nobody when started by root, as the user otherwise.
        var mailUser = root ? "nobody" : Environment.UserName;
        foreach (var user in new[] { DeskUser, RequesterUser })
        {
            foreach (var sub in new[] { "cur", "new", "tmp" })
            {
                Directory.CreateDirectory(Path.Combine(_root, "home", user, "Maildir", sub));
            }
        }

        File.WriteAllText(Path.Combine(_root, "passwd"), $"{DeskUser}:{{PLAIN}}{Password}::::::\n{RequesterUser}:{{PLAIN}}{Password}::::::\n");
        var unprivileged = root ? "" : $"""
            default_login_user = {Environment.UserName}
            default_internal_user = {Environment.UserName}
            default_internal_group = {Environment.UserName}

            """;
        File.WriteAllText(Path.Combine(_root, "dovecot.conf"), $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            log_path = {{_root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            {{unprivileged}}passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{(root ? "nogroup" : mailUser)}} home={{_root}}/home/%n
            }
            mail_location = maildir:{{_root}}/home/%n/Maildir
            first_valid_uid = 0
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        if (root)
        {
            Run("chown", "-R", "nobody:nogroup", Path.Combine(_root, "home"));
            Run("chmod", "755", _root);
        }

        Run("dovecot", "-c", Path.Combine(_root, "dovecot.conf"));
        var requesterMaildir = Path.Combine(_root, "home", RequesterUser, "Maildir");
        _smtp = Start(root ? "runuser" : "python3",
            [.. (root ? RunAsNobody : []), "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{SmtpPort}", "-c", "aiosmtpd.handlers.Mailbox", requesterMaildir]);
        WaitForPort(ImapPort, "Dovecot");
        WaitForPort(SmtpPort, "aiosmtpd");
    }

    public void Dispose()
    {
        var pidFile = Path.Combine(_root, "run", "master.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            // SIGTERM, so that Dovecot stops its own children too.
            using var stop = Process.Start("kill", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stop.WaitForExit();
        }

        if (!_smtp.HasExited)
        {
            _smtp.Kill(entireProcessTree: true);
        }

        _smtp.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing its log; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string file, params string[] args)
    {
        // Output goes to files: Dovecot keeps a pipe open for ever.
        var start = new ProcessStartInfo(file) { RedirectStandardInput = false, RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "dovecot.log");
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}. {(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    private static Process Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }

    private static void WaitForPort(int port, string what)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"{what} did not listen on 127.0.0.1:{port}.");
    }
}
