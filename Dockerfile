# Builds the Nurture app image for docker-compose (cluster mode).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY processes/pom.xml processes/
COPY workers/pom.xml workers/
COPY local/pom.xml local/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
COPY sim/pom.xml sim/
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=nurture-processes,nurture-workers,nurture-local,nurture-bench,nurture-sim || true
COPY processes processes
COPY workers workers
COPY local local
COPY app app
COPY bench bench
COPY sim sim
# Cluster mode only: skip unpacking the local broker distribution (mdep.skip), the image never runs it;
# the cluster jar leaves the local runtime (module local) out.
RUN ./mvnw -B -q -pl app -am package -DskipTests -Dmdep.skip=true

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/app/target/nurture-app-*-cluster.jar nurture.jar
EXPOSE 8080
# A fixed heap, for the app's java only (not jcmd or jstack): docs/operations.md, "The app's JVM".
# A deployment sizes it by setting JDK_JAVA_OPTIONS itself.
ENV JDK_JAVA_OPTIONS="-Xms512m -Xmx512m"
ENTRYPOINT ["java", "-jar", "/app/nurture.jar"]
