using Gateway.Core.Metrics;

namespace Gateway.Tests.Core.Metrics;

public sealed class SampleShapeTests
{
    private static readonly LabelSet A = LabelSet.Create(new Label("kind", "a"));
    private static readonly LabelSet B = LabelSet.Create(new Label("kind", "b"));

    [Fact]
    public void Shaped_samples_read_as_samples_in_order()
    {
        var samples = new ShapedSamples(new SampleShape("m", [A, B]), [1.5, 2]);

        Assert.Equal([new Sample("m", A, 1.5), new Sample("m", B, 2)], samples.ToArray());
        Assert.Equal(new Sample("m", B, 2), samples[1]);
        Assert.Equal(2, samples.Count);
    }

    [Fact]
    public void Values_must_match_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => new ShapedSamples(new SampleShape("m", [A, B]), [1]));
        Assert.Contains("1 values for a shape of 2 samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_shapes_are_shared_and_different_ones_are_not()
    {
        var interner = new SampleShapeInterner();
        var first = interner.Intern(new SampleShape("m", [A, B]));

        Assert.Same(first, interner.Intern(new SampleShape("m", [A, LabelSet.Create(new Label("kind", "b"))])));
        Assert.NotSame(first, interner.Intern(new SampleShape("m", [B, A])));
        Assert.NotSame(first, interner.Intern(new SampleShape("n", [A, B])));
        Assert.NotSame(first, interner.Intern(new SampleShape("m", [A])));
    }

    [Fact]
    public void A_full_shape_interner_starts_afresh_and_what_it_gave_stays_valid()
    {
        var interner = new SampleShapeInterner(capacity: 10);
        var kept = new List<SampleShape>();
        for (var i = 0; i < 1000; i++)
        {
            kept.Add(interner.Intern(new SampleShape("m" + i, [A])));
        }

        Assert.Equal("m0", kept[0].Name);
        Assert.Equal("m999", kept[999].Name);
        var again = interner.Intern(new SampleShape("m999", [A]));
        Assert.Same(kept[999], again);
    }

    [Fact]
    public void A_bounded_label_set_interner_starts_afresh_instead_of_growing()
    {
        var interner = new LabelSetInterner(capacity: 100);
        for (var i = 0; i < 10_000; i++)
        {
            var set = interner.Intern(LabelSet.Create(new Label("pid", "<0." + i + ".0>")));
            Assert.Equal("<0." + i + ".0>", set.Get("pid"));
            _ = interner.Intern("value" + i);
        }

        Assert.InRange(interner.Count, 1, 100);
    }
}
