using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Configuration;
using Bodycam.Sdk.Dock;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Hints;
using Bodycam.Sdk.Keys;
using Bodycam.Sdk.Offload;
using Bodycam.Sdk.Recording;

namespace Bodycam.Cli;

/// <summary><c>bodycam keys</c>: municipality and dock key pairs, dock certificates.</summary>
public sealed partial class CliApp
{
    private Command BuildKeys()
    {
        Option<DirectoryInfo> outDir = new("--out") { Description = "Folder for the key files (created if missing).", Required = true };
        Option<string> municipality = new("--municipality") { Description = "Municipality id, used in the file names (for example heerde).", Required = true };
        Folder(outDir);
        FileName(municipality);
        Command create = new("new", "Create a municipality's recipient (X25519, decrypts recordings) and authority (Ed25519, commands devices) key pairs; private keys are passphrase-protected.")
        {
            outDir,
            municipality,
        };
        create.SetAction(async (parse, ct) =>
        {
            string id = parse.GetValue(municipality)!;
            string folder = parse.GetValue(outDir)!.FullName;
            Directory.CreateDirectory(folder);
            string passphrase = ReadNewPassphrase(parse, "Passphrase for the new private keys");
            Dictionary<string, string> files = [];
            foreach ((KeyType type, string name) in new[] { (KeyType.Recipient, "recipient"), (KeyType.Authority, "authority") })
            {
                string privatePath = Path.Combine(folder, $"{id}.{name}.key");
                string publicPath = Path.Combine(folder, $"{id}.{name}.pub");
                if (File.Exists(privatePath) || File.Exists(publicPath))
                {
                    throw new UsageException($"{privatePath} or {publicPath} exists; keys are never overwritten.");
                }

                using KeyPair pair = KeyPair.Generate(type);
                PrivateKeyFile.Save(privatePath, pair, passphrase);
                new PublicKeyFile(type, pair.PublicKey).Save(publicPath);
                files[name + "-private"] = privatePath;
                files[name + "-public"] = publicPath;
            }

            await WriteAsync(parse, files, string.Join(Environment.NewLine, files.Select(f => $"{f.Key,-18} {f.Value}"))).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        Option<DirectoryInfo> dockOut = new("--out") { Description = "Folder for the key files (created if missing).", Required = true };
        Option<string> dockName = new("--name") { Description = "The dock's name, used in the file names (for example heerde-dock-1).", Required = true };
        Folder(dockOut);
        FileName(dockName);
        Command newDock = new("new-dock", "Create a dock key pair (Ed25519): a docking station opens sessions with it once the authority certified it; the private key is passphrase-protected.")
        {
            dockOut,
            dockName,
        };
        newDock.SetAction(async (parse, ct) =>
        {
            string folder = parse.GetValue(dockOut)!.FullName;
            string name = parse.GetValue(dockName)!;
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new UsageException("--name must be usable as a file name.");
            }

            Directory.CreateDirectory(folder);
            string privatePath = Path.Combine(folder, $"{name}.dock.key");
            string publicPath = Path.Combine(folder, $"{name}.dock.pub");
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                throw new UsageException($"{privatePath} or {publicPath} exists; keys are never overwritten.");
            }

            string passphrase = ReadNewPassphrase(parse, "Passphrase for the new dock key");
            using KeyPair pair = KeyPair.Generate(KeyType.Dock);
            PrivateKeyFile.Save(privatePath, pair, passphrase);
            new PublicKeyFile(KeyType.Dock, pair.PublicKey).Save(publicPath);
            var view = new Dictionary<string, string> { ["dock-private"] = privatePath, ["dock-public"] = publicPath };
            await WriteAsync(parse, view, string.Join(Environment.NewLine, view.Select(f => $"{f.Key,-18} {f.Value}"))).ConfigureAwait(false);
            return ExitCodes.Success;
        });

        Option<FileInfo> certifyAuthority = new("--authority-key") { Description = "The municipality's authority private key file (signs the certificate).", Required = true };
        Option<FileInfo> dockPublic = new("--dock-public") { Description = "The dock's public key file (from 'keys new-dock').", Required = true };
        Option<string> certifyMunicipality = new("--municipality") { Description = "The municipality whose devices accept the dock.", Required = true };
        Option<DateTimeOffset> notAfter = new("--not-after") { Description = "The certificate's last valid moment (ISO 8601, for example 2027-12-31T23:59:59Z); devices with a set clock refuse it after.", Required = true };
        Option<FileInfo> certificateOut = new("--out") { Description = "The certificate file to write.", Required = true };
        ExistingFile(certifyAuthority);
        ExistingFile(dockPublic);
        NewFile(certificateOut);
        Command certify = new("certify-dock", "Certify a dock key with the authority key, so the dock can open sessions (offload, audit, clock) but not configure, provision or reset.")
        {
            certifyAuthority,
            dockPublic,
            certifyMunicipality,
            notAfter,
            certificateOut,
        };
        certify.SetAction(async (parse, ct) =>
        {
            PublicKeyFile dock = PublicKeyFile.Load(parse.GetValue(dockPublic)!.FullName);
            if (dock.Type != KeyType.Dock)
            {
                throw new UsageException(parse.GetValue(dockPublic)!.FullName + " is not a dock public key.");
            }

            string path = parse.GetValue(certificateOut)!.FullName;
            if (File.Exists(path))
            {
                throw new UsageException(path + " exists; certificates are never overwritten.");
            }

            using Ed25519DockSigner signer = LoadAuthority(parse, parse.GetValue(certifyAuthority)!);
            DockCertificate certificate = DockCertificate.Issue(signer, parse.GetValue(certifyMunicipality)!, dock.Key, parse.GetValue(notAfter).ToUniversalTime());
            certificate.Save(path);
            // The fingerprint the device's audit trail names this dock by (;key=dock:F in Offloaded and ClockSet).
            var view = new { Certificate = path, certificate.MunicipalityId, NotAfter = certificate.NotAfter.ToString("O"), DockPublicKey = Hex(certificate.DockPublicKey.Span), AuditFingerprint = Bodycam.Sdk.Audit.AuditKey.FingerprintOf(certificate.DockPublicKey.Span) };
            await WriteAsync(parse, view, $"certified dock {view.DockPublicKey} (audit fingerprint {view.AuditFingerprint}) for {view.MunicipalityId} until {view.NotAfter}: {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("keys", "Municipality and dock key pairs.") { create, newDock, certify };
    }
}
