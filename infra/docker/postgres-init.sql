-- One database per service (the same list as infra/local/src/versions.ts serviceDatabases).
CREATE DATABASE compliance;
CREATE DATABASE activities;
CREATE DATABASE notifications;
