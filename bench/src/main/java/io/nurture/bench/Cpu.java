package io.nurture.bench;

import io.nurture.testkit.LocalNurture;

/**
 * CPU seconds used so far by the app, its broker and its database server, and of the app's and the
 * broker's the share their JIT compilers used: while that share is large, the JVM is still warming
 * up and the figures are not yet of compiled code.
 */
record Cpu(double app, double broker, double database, double appCompiler, double brokerCompiler) {

    static Cpu of(LocalNurture nurture) {
        long broker = CpuTime.pidIn(nurture.dataDirectory().resolve("broker.pid"));
        return new Cpu(
                CpuTime.seconds(nurture.pid()),
                CpuTime.seconds(broker),
                CpuTime.seconds(CpuTime.pidIn(nurture.dataDirectory().resolve("mariadb.pid"))),
                CpuTime.compilerSeconds(nurture.pid()),
                CpuTime.compilerSeconds(broker));
    }

    static Cpu ofBroker(long pid) {
        return new Cpu(0, CpuTime.seconds(pid), 0, 0, CpuTime.compilerSeconds(pid));
    }

    Cpu since(Cpu before) {
        return new Cpu(
                app - before.app,
                broker - before.broker,
                database - before.database,
                appCompiler - before.appCompiler,
                brokerCompiler - before.brokerCompiler);
    }
}
