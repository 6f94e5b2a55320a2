using System.Net;
using Rapport.Webhooks.Domain;

namespace Rapport.Tests.Webhooks;

public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:c0a8:0101::1")]
    public void PrivateLoopbackLinkLocalAndUnspecified_AreNotPublic(string address) =>
        Assert.False(WebhookAddresses.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void InternetAddresses_ArePublic(string address) =>
        Assert.True(WebhookAddresses.IsPublic(IPAddress.Parse(address)), address);

    [Fact]
    public void BackOff_DoublesFromThirtySeconds_UpToSixHours_ThenGivesUp()
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal((WebhookDeliveryStatus.Failed, now.AddSeconds(30)), WebhookRetry.AfterFailure(1, 20, now));
        Assert.Equal((WebhookDeliveryStatus.Failed, now.AddMinutes(2)), WebhookRetry.AfterFailure(3, 20, now));
        Assert.Equal((WebhookDeliveryStatus.Failed, now.AddHours(6)), WebhookRetry.AfterFailure(15, 20, now));
        Assert.Equal(WebhookDeliveryStatus.GaveUp, WebhookRetry.AfterFailure(20, 20, now).Status);
    }

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody_InLowercaseHex()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal(
            "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
            WebhookSignature.Sign("whsec_test", 1700000000, "{\"a\":1}"));
    }
}
