package io.nurture.runtime;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

class NullParametersTest {

    @Test
    void aNullIsBoundWithoutAskingTheDriverForTheParametersType() throws SQLException {
        // given a MySQL statement, whose driver throws to say it cannot tell a parameter's type
        PreparedStatement statement = mock(PreparedStatement.class, RETURNS_DEEP_STUBS);
        when(statement.getConnection().getMetaData().getDriverName()).thenReturn("MySQL Connector/J");
        when(statement.getConnection().getMetaData().getDatabaseProductName()).thenReturn("MySQL");
        when(statement.getParameterMetaData()).thenThrow(new SQLException("Parameter metadata not available"));

        // when a null without a type is bound, as JdbcClient's params(...) does
        StatementCreatorUtils.setParameterValue(statement, 1, SqlTypeValue.TYPE_UNKNOWN, null);

        // then it is bound as SQL NULL, and the driver was not asked
        verify(statement).setNull(1, Types.NULL);
        verify(statement, never()).getParameterMetaData();
        verify(statement, never()).setObject(anyInt(), any());
    }
}
