import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'siti@example.id' }) @IsEmail() email!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) refreshToken!: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'short-lived JWT, signed with the private key' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiProperty({ description: 'opaque, single use: each refresh returns a new one and revokes the old' }) refreshToken!: string;
  @ApiProperty({ example: 1209600 }) refreshExpiresIn!: number;
  @ApiProperty({ example: ['applicant'] }) roles!: string[];
}
