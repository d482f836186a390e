using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Jobs;

public sealed class FormatTests
{
    [Theory]
    [InlineData("0", "$0.0000")]
    [InlineData("0.00002", "<$0.0001")]
    [InlineData("0.00005", "$0.0001")]
    [InlineData("0.0021", "$0.0021")]
    [InlineData("1.23456", "$1.2346")]
    public void A_cost_shows_four_decimals_and_never_hides_a_small_charge_as_zero(string cost, string shown) =>
        Assert.Equal(shown, Format.Cost(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture)));
}
