using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Notifications.Security;

/// <summary>
/// Encrypts channel secrets at rest with AES-GCM. Each ciphertext names its key id, so keys rotate:
/// new writes use <c>ChannelSecrets:ActiveKeyId</c>, and old values still decrypt while their key is configured.
/// The associated data binds a ciphertext to its row, so it cannot be pasted onto another channel.
/// </summary>
public sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public SecretProtector(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        if (!keys.ContainsKey(activeKeyId))
            throw new InvalidOperationException($"ChannelSecrets:ActiveKeyId '{activeKeyId}' has no key in ChannelSecrets:Keys.");
        foreach (var (id, key) in keys)
            if (key.Length != 32)
                throw new InvalidOperationException($"ChannelSecrets:Keys:{id} must be 32 bytes, base64-encoded.");
        _keys = keys;
        _activeKeyId = activeKeyId;
    }

    public static SecretProtector FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("ChannelSecrets");
        var keys = section.GetSection("Keys").GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value!));
        var active = section["ActiveKeyId"];
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(active))
            throw new InvalidOperationException(
                "Channel secrets need an encryption key: set ChannelSecrets:ActiveKeyId and ChannelSecrets:Keys:<id> (32 bytes, base64).");
        return new SecretProtector(keys, active);
    }

    public string Protect(string plaintext, string boundTo)
    {
        var key = _keys[_activeKeyId];
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(boundTo));
        return $"{_activeKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string protectedValue, string boundTo)
    {
        var separator = protectedValue.IndexOf(':');
        if (separator <= 0) throw new CryptographicException("Protected value has no key id.");
        var keyId = protectedValue[..separator];
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"Protected value uses key '{keyId}', which is not configured.");
        var input = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(boundTo));
        return Encoding.UTF8.GetString(plain);
    }
}
