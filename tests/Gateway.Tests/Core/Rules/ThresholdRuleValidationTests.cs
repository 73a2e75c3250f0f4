using Gateway.Core.Alarms;
using Gateway.Core.Rules;

namespace Gateway.Tests.Core.Rules;

public sealed class ThresholdRuleValidationTests
{
    private static List<string> Errors(params ThresholdRuleOptions[] rules) =>
        AlarmsOptionsValidator.Check(new AlarmsOptions { Rules = [.. rules] });

    private static ThresholdRuleOptions Valid() => new()
    {
        Name = "high_run_queue",
        Metric = "erlang_vm_statistics_run_queues_length_total",
        Raise = new RaiseOptions { Above = 100, Severity = "major" },
        Cease = new CeaseOptions { Below = 50 },
    };

    [Fact]
    public void A_valid_rule_has_no_errors() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void An_unknown_severity_names_the_allowed_ones_with_its_path()
    {
        var rule = Valid();
        rule.Raise.Severity = "hot";

        Assert.Equal(["alarms.rules[0].raise.severity: \"hot\" is not one of critical, major, minor, warning"], Errors(rule));
    }

    [Fact]
    public void Every_error_is_reported_with_its_path()
    {
        var rule = new ThresholdRuleOptions
        {
            Name = "",
            Metric = "not a metric",
            Labels = new() { ["kind"] = "=~(", ["bad-name"] = "x" },
            Raise = new RaiseOptions { Above = 1, Below = 2 },
            Description = "{{nope}}",
        };

        var errors = Errors(Valid(), rule);

        Assert.Contains("alarms.rules[1].name: must not be empty", errors);
        Assert.Contains("alarms.rules[1].metric: \"not a metric\" is not a metric name", errors);
        Assert.Contains(errors, e => e.StartsWith("alarms.rules[1].labels.kind: \"=~(\" is not a valid regex", StringComparison.Ordinal));
        Assert.Contains("alarms.rules[1].labels.bad-name: \"bad-name\" is not a label name", errors);
        Assert.Contains("alarms.rules[1].raise: give either above or below, not both", errors);
        Assert.Contains(errors, e => e.StartsWith("alarms.rules[1].description: unknown placeholder {{nope}}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cease_threshold_must_be_on_the_other_side_of_the_raise_threshold()
    {
        var wrongSide = Valid();
        wrongSide.Cease = new CeaseOptions { Below = 150 };
        var wrongDirection = Valid();
        wrongDirection.Cease = new CeaseOptions { Above = 50 };

        Assert.Equal(["alarms.rules[0].cease.below: 150 is past the raise threshold 100"], Errors(wrongSide));
        Assert.Equal(["alarms.rules[0].cease.above: a rule raised above a threshold ceases below one"], Errors(wrongDirection));
    }

    [Fact]
    public void Levels_must_share_one_direction_and_have_a_known_severity()
    {
        var rule = Valid();
        rule.Raise.Levels = [new LevelOptions { Below = 5, Severity = "critical" }, new LevelOptions { Above = 200, Severity = "urgent" }];

        Assert.Equal(
            ["alarms.rules[0].raise.levels[0]: all levels of a rule must use the same direction (above)", "alarms.rules[0].raise.levels[1].severity: \"urgent\" is not one of critical, major, minor, warning"],
            Errors(rule));
    }

    [Fact]
    public void Rule_names_are_unique()
    {
        Assert.Equal(["alarms.rules[1].name: \"high_run_queue\" is already the name of rules[0]"], Errors(Valid(), Valid()));
    }

    [Fact]
    public void A_rule_without_a_threshold_is_an_error()
    {
        var rule = Valid();
        rule.Raise = new RaiseOptions { Severity = "major" };
        rule.Cease = null;

        Assert.Equal(["alarms.rules[0].raise: needs above or below"], Errors(rule));
    }

    [Fact]
    public void Negative_durations_are_errors()
    {
        var options = new AlarmsOptions { MinHold = TimeSpan.FromSeconds(-1), Rules = [Valid()] };
        options.Rules[0].Raise.For = TimeSpan.FromSeconds(-5);

        Assert.Equal(["alarms.minHold: must not be negative", "alarms.rules[0].raise.for: must not be negative"], AlarmsOptionsValidator.Check(options));
    }

    [Fact]
    public void Compile_refuses_invalid_rules_with_all_their_errors()
    {
        var rule = Valid();
        rule.Raise.Severity = "hot";

        var error = Assert.Throws<ArgumentException>(() => RuleEngine.Compile([rule]));

        Assert.Contains("alarms.rules[0].raise.severity", error.Message, StringComparison.Ordinal);
    }
}
