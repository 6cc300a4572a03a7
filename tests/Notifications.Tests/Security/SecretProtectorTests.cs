using System.Security.Cryptography;
using Notifications.Security;

namespace Notifications.Tests.Security;

public sealed class SecretProtectorTests
{
    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    [Fact]
    public void Round_trips_and_hides_the_plaintext()
    {
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = Key(1) }, "v1");
        var sealedValue = protector.Protect("hunter2-password", "channel-a");
        Assert.StartsWith("v1:", sealedValue);
        Assert.DoesNotContain("hunter2", sealedValue);
        Assert.NotEqual(sealedValue, protector.Protect("hunter2-password", "channel-a")); // a fresh nonce each time
        Assert.Equal("hunter2-password", protector.Unprotect(sealedValue, "channel-a"));
    }

    [Fact]
    public void Rotation_writes_with_the_new_key_and_still_reads_the_old()
    {
        var old = new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = Key(1) }, "v1");
        var oldValue = old.Protect("s1", "ch");
        var rotated = new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = Key(1), ["v2"] = Key(2) }, "v2");
        Assert.Equal("s1", rotated.Unprotect(oldValue, "ch"));
        Assert.StartsWith("v2:", rotated.Protect("s2", "ch"));
        var withoutOldKey = new SecretProtector(new Dictionary<string, byte[]> { ["v2"] = Key(2) }, "v2");
        Assert.Throws<CryptographicException>(() => withoutOldKey.Unprotect(oldValue, "ch"));
    }

    [Fact]
    public void A_ciphertext_moved_to_another_channel_does_not_decrypt()
    {
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = Key(1) }, "v1");
        var value = protector.Protect("secret", "channel-a");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value, "channel-b"));
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = new byte[16] }, "v1"));
        Assert.Throws<InvalidOperationException>(() => new SecretProtector(new Dictionary<string, byte[]> { ["v1"] = Key(1) }, "v9"));
    }
}
