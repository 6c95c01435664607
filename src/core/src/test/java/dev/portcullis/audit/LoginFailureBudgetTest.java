package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginFailureBudgetTest {

    private static final long MINUTE = LoginFailureBudget.WINDOW_MILLIS;

    private final LoginFailureBudget budget = new LoginFailureBudget();

    @Test
    void admitWhenOneSourceFloodsThenOnlyItsBudgetIsRecordedAndTheRestCountedIntoItsNextRecord() {
        List<LoginFailureBudget.Admission> minute = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            minute.add(budget.admit("192.0.2.7", 100 * MINUTE, 3));
        }

        assertThat(minute.stream().filter(LoginFailureBudget.Admission::record)).hasSize(3);
        assertThat(minute.get(2).lastInWindow())
                .as("the last record of the minute says so")
                .isTrue();
        assertThat(budget.suppressed()).isEqualTo(47);
        assertThat(budget.admit("198.51.100.1", 100 * MINUTE, 3).record())
                .as("another source keeps its budget")
                .isTrue();

        LoginFailureBudget.Admission next = budget.admit("192.0.2.7", 101 * MINUTE, 3);
        assertThat(next.record()).isTrue();
        assertThat(next.suppressedBefore()).isEqualTo(47);
        assertThat(budget.admit("192.0.2.7", 101 * MINUTE, 3).suppressedBefore())
                .isZero();
    }

    @Test
    void sourceWhenIpv6ThenPer64AndWhenNotAnAddressThenOneSharedSource() {
        assertThat(LoginFailureBudget.source("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginFailureBudget.source("2001:db8:1:2:bbbb::9"))
                .endsWith("/64");
        assertThat(LoginFailureBudget.source("[2001:db8:1:3::1]"))
                .isNotEqualTo(LoginFailureBudget.source("2001:db8:1:2::1"));
        assertThat(LoginFailureBudget.source("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(LoginFailureBudget.source("evil.example")).isEqualTo(LoginFailureBudget.OVERFLOW);
        assertThat(LoginFailureBudget.source(null)).isEqualTo(LoginFailureBudget.OVERFLOW);
    }

    @Test
    void admitWhenTooManySourcesThenNewOnesShareOneBudget() {
        for (int i = 0; i < LoginFailureBudget.MAX_SOURCES; i++) {
            budget.admit("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 7 * MINUTE, 1);
            budget.admit("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 7 * MINUTE, 1); // busy: kept
        }
        assertThat(budget.admit("203.0.113.1", 7 * MINUTE, 1).source()).isEqualTo(LoginFailureBudget.OVERFLOW);
        assertThat(budget.admit("203.0.113.2", 7 * MINUTE, 1).record())
                .as("the shared budget is spent")
                .isFalse();
        assertThat(budget.admit("203.0.113.3", 8 * MINUTE, 1).source())
                .as("unreported counts are kept for an hour")
                .isEqualTo(LoginFailureBudget.OVERFLOW);
        assertThat(budget.admit("203.0.113.4", 68 * MINUTE, 1).source())
                .as("then forgotten")
                .isEqualTo("203.0.113.4");
    }

    @Test
    void admitWhenABurstStraddlesAMinuteBoundaryThenTheSourceStillGetsOneBudget() {
        long boundary = 1_000 * MINUTE;
        long recorded = 0;
        for (int i = 0; i < 30; i++) { // 30 failures 100 ms apart, from 2 s before a minute boundary to 1 s after
            recorded +=
                    budget.admit("192.0.2.9", boundary - 2_000 + i * 100L, 10).record() ? 1 : 0;
        }
        assertThat(recorded).as("records in 3 s from one source").isEqualTo(10);
        assertThat(budget.admit("192.0.2.9", boundary - 2_000 + MINUTE - 1, 10).record())
                .as("59.999 s after the first")
                .isFalse();
        assertThat(budget.admit("192.0.2.9", boundary - 2_000 + MINUTE, 10).record())
                .as("60 s after the first")
                .isTrue();
    }
}
