using Notifications.Deliveries;

namespace Notifications.Tests.Deliveries;

public sealed class RetryDelayTests
{
    private static readonly DeliveryOptions Options = new();

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 900)] // capped at 15 min
    public void Backoff_doubles_from_the_first_delay_up_to_the_cap(int attempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DeliveryDispatcher.RetryDelay(attempts, null, Options));

    [Fact]
    public void The_providers_retry_after_wins_within_bounds()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), DeliveryDispatcher.RetryDelay(3, TimeSpan.FromSeconds(7), Options));
        Assert.Equal(TimeSpan.FromMinutes(15), DeliveryDispatcher.RetryDelay(1, TimeSpan.FromHours(2), Options));
        Assert.Equal(TimeSpan.Zero, DeliveryDispatcher.RetryDelay(1, TimeSpan.FromSeconds(-5), Options));
    }
}
