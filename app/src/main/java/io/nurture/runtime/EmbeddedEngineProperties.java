package io.nurture.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param gatewayPort the gRPC gateway port of the embedded engine; 0 picks a free one */
@ConfigurationProperties("nurture.engine.embedded")
record EmbeddedEngineProperties(@DefaultValue("26500") int gatewayPort) {
}
