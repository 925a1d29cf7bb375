package io.nurture.bench;

import io.nurture.testkit.LocalNurture;

/** CPU seconds used so far by the app, its broker and its database server. */
record Cpu(double app, double broker, double database) {

    static Cpu of(LocalNurture nurture) {
        return new Cpu(
                CpuTime.seconds(nurture.pid()),
                CpuTime.seconds(CpuTime.pidIn(nurture.dataDirectory().resolve("broker.pid"))),
                CpuTime.seconds(CpuTime.pidIn(nurture.dataDirectory().resolve("mariadb.pid"))));
    }

    Cpu since(Cpu before) {
        return new Cpu(app - before.app, broker - before.broker, database - before.database);
    }
}
