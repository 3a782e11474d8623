//! How long a bar is: the one rule the aging chart (`report aging --chart`) and the HTML
//! page's SVG chart share. Integer arithmetic on minor units only; money is never a float.

/// The length of the bar of `amount` (minor units) when the largest amount of its chart,
/// `largest`, gets `full` steps: `amount × full / largest`, rounded half up, exactly (i128,
/// so no product of an i64 amount and a step count can overflow).
///
/// A step is whatever the caller draws in: an eighth of a terminal column (the block
/// characters `▏` to `█`), or a unit of the SVG's coordinates. A non-zero amount gets at
/// least one step, so that an amount owed never looks like nothing; zero, a negative amount
/// (an aging bucket is never negative, but a bar cannot be) and an empty chart (`largest` of
/// zero or less) get none. The largest amount gets exactly `full`.
pub fn bar_steps(amount: i64, largest: i64, full: u32) -> u32 {
    if amount <= 0 || largest <= 0 {
        return 0;
    }
    // Never more than `full`: an amount above `largest` is the caller's mistake, drawn as the
    // longest bar rather than one that runs off the chart.
    let amount = i128::from(amount.min(largest));
    let largest = i128::from(largest);
    let full128 = i128::from(full);
    // Half up: (2·a·f + l) / (2·l), all non-negative.
    let steps = (2 * amount * full128 + largest) / (2 * largest);
    // steps ≤ full, so it fits in u32.
    u32::try_from(steps).unwrap_or(full).max(1).min(full)
}

/// The largest of `amounts`, or 0 when there are none (or none above zero).
pub fn largest(amounts: &[i64]) -> i64 {
    amounts.iter().copied().max().unwrap_or(0).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_gets_the_full_length_and_the_others_their_share() {
        assert_eq!(bar_steps(10_000, 10_000, 400), 400);
        assert_eq!(bar_steps(5_000, 10_000, 400), 200);
        assert_eq!(bar_steps(2_000, 10_000, 400), 80);
        // 1/3 of 400 is 133.33…: rounded to 133; 2/3 is 266.67…: rounded to 267.
        assert_eq!(bar_steps(1, 3, 400), 133);
        assert_eq!(bar_steps(2, 3, 400), 267);
        // Exactly half a step rounds up: 1/8 of 4 steps is 0.5.
        assert_eq!(bar_steps(1, 8, 4), 1);
        assert_eq!(bar_steps(3, 8, 4), 2);
    }

    #[test]
    fn a_non_zero_amount_is_never_drawn_as_nothing() {
        assert_eq!(bar_steps(1, 1_000_000_000, 400), 1);
        assert_eq!(bar_steps(0, 1_000, 400), 0);
        assert_eq!(bar_steps(-5, 1_000, 400), 0);
        assert_eq!(bar_steps(5, 0, 400), 0);
        assert_eq!(bar_steps(5, 5, 0), 0);
    }

    #[test]
    fn the_largest_amounts_do_not_overflow() {
        assert_eq!(bar_steps(i64::MAX, i64::MAX, u32::MAX), u32::MAX);
        assert_eq!(bar_steps(i64::MAX / 2, i64::MAX, 1_000), 500);
        // Never longer than the chart, even when asked for more than the largest.
        assert_eq!(bar_steps(20, 10, 80), 80);
    }

    #[test]
    fn largest_ignores_what_cannot_be_drawn() {
        assert_eq!(largest(&[]), 0);
        assert_eq!(largest(&[0, -3]), 0);
        assert_eq!(largest(&[3, 9, 1]), 9);
    }
}
