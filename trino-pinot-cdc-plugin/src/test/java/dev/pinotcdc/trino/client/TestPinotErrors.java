package dev.pinotcdc.trino.client;

import io.trino.spi.TrinoException;
import org.junit.jupiter.api.Test;

import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

final class TestPinotErrors
{
    @Test
    void testPinotNotAnsweringNamesTheTableAndWhatToDo()
    {
        TrinoException controller = PinotErrors.toTrinoException(new PinotTimeoutException("Pinot controller http://c:9000/tables/orders/schema did not answer within 3000 ms"));
        TrinoException named = PinotErrors.unavailableWhileReading("orders", controller);
        assertThat(named.getErrorCode()).isEqualTo(PinotCdcErrorCode.PINOT_UNAVAILABLE.toErrorCode());
        assertThat(named.getMessage())
                .startsWith("Pinot table 'orders': Pinot controller http://c:9000/tables/orders/schema did not answer within 3000 ms. ")
                .contains("pinot.read-timeout");
        // said once, however often it passes by
        assertThat(PinotErrors.unavailableWhileReading("orders", named)).isSameAs(named);

        TrinoException broker = PinotErrors.toTrinoException(new PinotTimeoutException("Pinot table 'orders': broker http://b:8099 did not answer within 3000 ms"));
        assertThat(PinotErrors.unavailableWhileReading("orders", broker).getMessage())
                .startsWith("Pinot table 'orders': broker http://b:8099 did not answer within 3000 ms. Check that");
    }

    @Test
    void testOtherErrorsStayAsTheyAre()
    {
        TrinoException notFound = new TrinoException(TABLE_NOT_FOUND, "Table 'orders' not found");
        assertThat(PinotErrors.unavailableWhileReading("orders", notFound)).isSameAs(notFound);
    }
}
