import { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondWall1765300000000 implements MigrationInterface {
  name = 'SecondWall1765300000000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the need-to-know work (issue 11)
  }

  async down(_q: QueryRunner): Promise<void> {
    // nothing yet
  }
}
